package dev.rollcall.identity;

import java.util.List;
import java.util.Optional;

/** Read-only views for IT, outside any write transaction. */
public interface IdentityQueries {

    /** Cases by status (null: all), newest first, after the given case id (cursor; null: from the start). */
    List<MatchCaseView> cases(String status, int limit, String afterId);

    Optional<MatchCaseView> matchCase(String id);

    Optional<PersonDetail> person(String id);

    /** Events, match decisions and audit records about the person, oldest first. */
    List<TimelineEntry> timeline(String personId);
}
