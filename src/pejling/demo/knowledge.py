"""Demo content for the knowledge part (filled in as the part is built)."""


def load() -> dict[str, int]:
    return {}
