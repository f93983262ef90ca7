"""The links of a report's web page, as far as its reader may follow them.

A report is read by people with different rights: the policy office may read the report but not
the task force's case and barrier lists behind its counts. The page offers no link that would
end in "access denied"; the figures stay.
"""

from copy import deepcopy
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from pejling.taskforce.permissions import can_send_requests, can_triage, is_task_force

# The task force's lists a report links to, and who may open them; every other list a report
# links to is open to all who may read reports.
TASK_FORCE_LISTS = {
    "taskforce:case_list": lambda user: is_task_force(user) or can_send_requests(user),
    "taskforce:barrier_list": is_task_force,
    "taskforce:overview": can_triage,
}


def for_reader(content: dict, user) -> dict:
    """The content with the links ``user`` may not follow taken out."""
    may_open = {name: allowed(user) for name, allowed in TASK_FORCE_LISTS.items()}

    def kept(link: str) -> str:
        if not link:
            return ""
        try:
            match = resolve(urlsplit(link).path)
        except Resolver404:
            return ""
        if match.namespace == "taskforce" and not may_open.get(match.view_name, False):
            return ""
        return link

    content = deepcopy(content)
    for figure in content.get("summary", []):
        figure["link"] = kept(figure.get("link", ""))
    for section in content.get("sections", []):
        for table in section.get("tables", []):
            table["link"] = kept(table.get("link", ""))
            table["row_links"] = [kept(link) for link in table.get("row_links") or []]
    return content
