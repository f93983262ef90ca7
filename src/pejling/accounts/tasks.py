"""The accounts' periodic work: the daily digest of mails."""

from django_tasks import task

from pejling.accounts import mail


@task()
def send_mail_digests() -> dict:
    return {"digests": mail.send_digests()}
