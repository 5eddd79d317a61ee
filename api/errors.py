"""Every error as `{"errors": [{"param"?, "message"}]}`, naming the parameter at fault."""

from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.views import exception_handler


class BadParameters(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "Bad query parameters."

    def __init__(self, errors: dict[str, list[str] | str]):
        self.errors = [
            {"param": param, "message": message}
            for param, messages in errors.items()
            for message in ([messages] if isinstance(messages, str) else messages)
        ]
        super().__init__(self.errors)


def flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in flatten(value)]
    if isinstance(detail, list):
        return [message for value in detail for message in flatten(value)]
    return [str(detail)]


def api_exception_handler(exc, context):
    if isinstance(exc, ValidationError) and isinstance(exc.detail, dict):
        exc = BadParameters({param: flatten(messages) for param, messages in exc.detail.items()})
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, BadParameters):
        response.data = {"errors": exc.errors}
    else:
        response.data = {"errors": [{"message": message} for message in flatten(response.data)]}
    return response
