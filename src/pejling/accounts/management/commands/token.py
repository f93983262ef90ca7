from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pejling.accounts import services
from pejling.accounts.models import ApiToken, User
from pejling.audit.context import origin
from pejling.audit.models import Channel


class Command(BaseCommand):
    help = "Create, list or revoke personal API tokens."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token and print it once.")
        create.add_argument("--user", required=True, help="username")
        create.add_argument("--name", default="command line", help="what the token is for")
        create.add_argument("--days", type=int, help="expire after this many days")
        listing = sub.add_parser("list", help="List a user's tokens.")
        listing.add_argument("--user", required=True)
        revoke = sub.add_parser("revoke", help="Revoke a token by its id.")
        revoke.add_argument("id", type=int)

    def handle(self, *args, action: str, **options) -> None:
        with origin(Channel.COMMAND, path=f"token {action}"):
            getattr(self, f"handle_{action}")(**options)

    def _user(self, username: str) -> User:
        try:
            return User.objects.get(username=username, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user named {username!r}.") from None

    def handle_create(self, *, user: str, name: str, days: int | None, **options) -> None:
        owner = self._user(user)
        expires_at = timezone.now() + timedelta(days=days) if days else None
        token, raw = services.create_api_token(
            actor=None, user=owner, name=name, expires_at=expires_at
        )
        self.stderr.write(f"Token {token.pk} for {owner.username}; it is shown only this once:")
        self.stdout.write(raw)

    def handle_list(self, *, user: str, **options) -> None:
        for token in self._user(user).api_tokens.all():
            state = "active" if token.is_active else "inactive"
            self.stdout.write(f"{token.pk}\t{token.hint}…\t{state}\t{token.name}")

    def handle_revoke(self, *, id: int, **options) -> None:
        token = ApiToken.objects.filter(pk=id).first()
        if token is None:
            raise CommandError(f"No token with id {id}.")
        services.revoke_api_token(actor=None, token=token)
        self.stdout.write(f"Token {id} revoked.")
