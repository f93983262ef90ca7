"""The JSON shapes of the barometer API. Values are floats; a suppressed cell has no value."""

from datetime import datetime

from ninja import Schema


class TargetOut(Schema):
    baseline_period: str
    baseline_value: float
    target_value: float | None
    target_year: int | None
    tolerance: float


class MetadataOut(Schema):
    definition: str
    source: str
    computation: str
    caveats: str


class IndicatorOut(Schema):
    code: str
    url: str
    name: str
    name_en: str
    description: str
    description_en: str
    unit: str
    direction: str
    kind: str
    source: str
    measure: str
    age_min: int | None
    age_max: int | None
    sex: str
    districts: list[str]
    origins: list[str]
    include_all_origins: bool
    by: list[str]
    group: str
    reference: str
    headline_origin: str
    lag_months: int
    status_override: str
    status_override_reason: str
    goal_ids: list[int]
    target: TargetOut | None
    metadata: MetadataOut

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_goal_ids(obj) -> list[int]:
        return [goal.pk for goal in obj.goals.all()]

    @staticmethod
    def resolve_target(obj):
        return getattr(obj, "target", None)

    @staticmethod
    def resolve_metadata(obj) -> dict:
        return {
            "definition": obj.definition,
            "source": obj.source_text,
            "computation": obj.computation,
            "caveats": obj.caveats,
        }


class EditionOut(Schema):
    id: int
    url: str
    period: str
    state: str
    origin: str
    source_name: str
    is_synthetic: bool
    created_at: datetime
    published_at: datetime | None

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class MeasurementOut(Schema):
    indicator: str
    edition_id: int
    edition_period: str
    period: str
    origin: str
    district: str
    sex: str
    numerator: float | None
    denominator: float | None
    value: float | None
    suppressed: bool

    @staticmethod
    def resolve_indicator(obj) -> str:
        return obj.indicator.code

    @staticmethod
    def resolve_edition_period(obj) -> str:
        return obj.edition.period
