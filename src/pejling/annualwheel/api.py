from ninja import Router

router = Router(tags=["annualwheel"])
