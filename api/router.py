from rest_framework.routers import SimpleRouter

# Every /api/v1/ resource registers here; the API root lists what is registered.
router = SimpleRouter()
