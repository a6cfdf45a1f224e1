"""Error reports that never carry what a person typed."""

from __future__ import annotations

from django.views.debug import SafeExceptionReporterFilter


class NoRequestDataFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        return {}

    def get_traceback_frame_variables(self, request, tb_frame):
        return []
