"""Demo content for the network part (filled in as the part is built)."""


def load() -> dict[str, int]:
    return {}
