package io.portcullis.web;

import java.util.List;

/** {@code /runs}: recorded runs, newest first, with the filters that selected them. */
public record RunsView(List<RunRow> runs, String kind, String actor, String router, List<String> kinds, String note) {}
