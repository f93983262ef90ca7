"""Demo content for the annualwheel part (filled in as the part is built)."""


def load() -> dict[str, int]:
    return {}
