"""Demo content for the barometer part (filled in as the part is built)."""


def load() -> dict[str, int]:
    return {}
