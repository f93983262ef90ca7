app_name = "annualwheel"

urlpatterns: list = []
