"""Demo content for the governance part (filled in as the part is built)."""


def load() -> dict[str, int]:
    return {}
