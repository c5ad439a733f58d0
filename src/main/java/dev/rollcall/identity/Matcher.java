package dev.rollcall.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the person an account belongs to. Strong keys first: the worker id (only from a source that
 * may assert worker ids), then the source's correlation attribute. Then weak evidence, scored by
 * explainable rules: the same normalised email, a name-derived email alias, the same folded name,
 * department and manager, and a worker id claimed by a source that may not assert it. An exact match
 * on a corporate domain held by an HRIS account scores extra: such an address is an employee's (dual
 * identity: a CRM contact using it is that employee). A different asserted worker id on both sides
 * vetoes a candidate: two workers are two people.
 */
public final class Matcher {
    private static final int HIT_LIMIT = 200;
    private final MatchPolicy policy;
    private final MatchKeys keys;

    public Matcher(MatchPolicy policy) {
        this.policy = policy;
        this.keys = new MatchKeys(policy.email());
    }

    public MatchPolicy policy() {
        return policy;
    }

    public MatchKeys keys() {
        return keys;
    }

    public MatchResult match(Source source, AccountFacts facts, MatchLookup lookup) {
        String asserted = assertedWorkerId(source, facts);
        if (asserted != null) {
            Optional<PersonRef> p = lookup.personOfWorker(asserted);
            if (p.isPresent()) {
                return strong(MatchResult.Strength.WORKER_ID, p.get(), "worker.id", "worker id " + asserted);
            }
        }
        Optional<MatchResult> correlated = correlate(source, facts, lookup);
        if (correlated.isPresent()) {
            return correlated.get();
        }
        boolean claimed = asserted == null && hasWorkerId(facts);
        List<MatchCandidate> scored = score(facts, asserted, claimed ? facts.workerId() : null, lookup);
        if (scored.isEmpty()) {
            return new MatchResult(MatchResult.Strength.NONE, null, 0, List.of(),
                    List.of(new Evidence("no.candidates", 0, "no account shares an email, alias or name")));
        }
        MatchCandidate best = scored.get(0);
        boolean tie = scored.size() > 1 && scored.get(1).score() == best.score();
        if (best.score() >= policy.definite() && !tie) {
            return new MatchResult(MatchResult.Strength.DEFINITE, best.person(), best.score(), scored, best.evidence());
        }
        if (best.score() >= policy.candidate()) {
            List<MatchCandidate> reviewable = scored.stream().filter(c -> c.score() >= policy.candidate()).toList();
            return new MatchResult(MatchResult.Strength.CANDIDATE, null, best.score(), reviewable, best.evidence());
        }
        return new MatchResult(MatchResult.Strength.NONE, null, best.score(), scored, best.evidence());
    }

    private Optional<MatchResult> correlate(Source source, AccountFacts facts, MatchLookup lookup) {
        Optional<String> attr = source.correlation();
        if (attr.isEmpty() || facts.attributes().get(attr.get()) == null) {
            return Optional.empty();
        }
        String value = facts.attributes().get(attr.get());
        MatchKey key;
        if (attr.get().equals("userName")) {
            key = new MatchKey(MatchKey.USERNAME, value.strip().toLowerCase(java.util.Locale.ROOT));
        } else if (attr.get().equals("email") || attr.get().startsWith("emails.")) {
            Optional<String> e = policy.email().normalise(value);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            key = new MatchKey(MatchKey.EMAIL, e.get());
        } else if (attr.get().equals("employeeNumber") || attr.get().equals("workerId")) {
            if (!source.assertsWorkerIds()) {
                return Optional.empty(); // a worker id from this source is evidence, whatever it is declared as
            }
            return lookup.personOfWorker(value).map(p -> strong(MatchResult.Strength.CORRELATION, p,
                    "correlation." + attr.get(), attr.get() + " " + value));
        } else {
            return Optional.empty();
        }
        Set<PersonRef> persons = new LinkedHashSet<>();
        lookup.hits(List.of(key), HIT_LIMIT).forEach(h -> persons.add(h.person()));
        if (persons.size() != 1) {
            return Optional.empty(); // none, or ambiguous: fall through to scoring
        }
        return Optional.of(strong(MatchResult.Strength.CORRELATION, persons.iterator().next(),
                "correlation." + attr.get(), attr.get() + " " + value));
    }

    /** The worker id, when the source may assert it: then it is a strong key (and claims the worker). */
    public static String assertedWorkerId(Source source, AccountFacts facts) {
        return source.assertsWorkerIds() && hasWorkerId(facts) ? facts.workerId() : null;
    }

    private static boolean hasWorkerId(AccountFacts facts) {
        return facts.workerId() != null && !facts.workerId().isBlank();
    }

    /**
     * Scores the persons found by key hits. {@code asserted}: the account's own worker id, which
     * vetoes a person with another; {@code claimed}: a worker id the source may not assert, which adds
     * the person it belongs to as a candidate with evidence, not as a match.
     */
    private List<MatchCandidate> score(AccountFacts facts, String asserted, String claimed, MatchLookup lookup) {
        Set<String> emails = keys.emailsOf(facts);
        List<MatchKey> query = new ArrayList<>();
        for (String e : emails) {
            query.add(new MatchKey(MatchKey.EMAIL, e));
            query.add(new MatchKey(MatchKey.ALIAS, e));
        }
        keys.aliases(facts, emails).forEach(a -> query.add(new MatchKey(MatchKey.EMAIL, a)));
        Optional<String> name = MatchKeys.fullName(facts);
        name.ifPresent(n -> query.add(new MatchKey(MatchKey.NAME, n)));
        Optional<PersonRef> claimedPerson = claimed == null ? Optional.empty() : lookup.personOfWorker(claimed);
        if (query.isEmpty() && claimedPerson.isEmpty()) {
            return List.of();
        }
        Map<Long, PersonRef> persons = new LinkedHashMap<>();
        claimedPerson.ifPresent(p -> persons.put(p.pk(), p));
        Map<Long, String> emailHit = new LinkedHashMap<>();
        Map<Long, String> aliasHit = new LinkedHashMap<>();
        Set<Long> corporateHit = new java.util.HashSet<>();
        for (MatchLookup.KeyHit hit : query.isEmpty() ? List.<MatchLookup.KeyHit>of() : lookup.hits(query, HIT_LIMIT)) {
            long pk = hit.person().pk();
            persons.putIfAbsent(pk, hit.person());
            if (hit.key().kind().equals(MatchKey.EMAIL) && emails.contains(hit.key().value())) {
                emailHit.putIfAbsent(pk, hit.key().value());
                if (hit.sourceKind() == SourceKind.HRIS && policy.email().isCorporate(hit.key().value())) {
                    corporateHit.add(pk);
                }
            } else if (!hit.key().kind().equals(MatchKey.NAME)) {
                aliasHit.putIfAbsent(pk, hit.key().value());
            }
        }
        Map<Long, GoldenRecord> golden = lookup.goldenOf(persons.keySet());
        List<MatchCandidate> out = new ArrayList<>();
        for (PersonRef person : persons.values()) {
            GoldenRecord g = golden.getOrDefault(person.pk(), new GoldenRecord(Map.of()));
            List<Evidence> ev = new ArrayList<>();
            // the same rule as the extractor's: the lifecycle workerId, else the enterprise employeeNumber
            String theirWorker = g.value("workerId") != null ? g.value("workerId") : g.value("employeeNumber");
            if (asserted != null && theirWorker != null && !theirWorker.equals(asserted)) {
                continue; // two different worker ids: never the same human
            }
            if (claimedPerson.isPresent() && claimedPerson.get().pk() == person.pk()) {
                ev.add(new Evidence("worker.id.claimed", policy.workerClaimPoints(),
                        "worker id " + claimed + " from a source that may not assert worker ids"));
            }
            if (emailHit.containsKey(person.pk())) {
                ev.add(new Evidence("email.exact", policy.emailPoints(), emailHit.get(person.pk())));
                if (corporateHit.contains(person.pk())) {
                    // corporate domains belong to the HRIS side: this address is an employee's
                    ev.add(new Evidence("email.corporate", policy.corporatePoints(), "employee address on a corporate domain"));
                }
            } else if (aliasHit.containsKey(person.pk())) {
                ev.add(new Evidence("email.alias", policy.aliasPoints(), aliasHit.get(person.pk())));
            }
            String theirName = NameFolding.fold(name(g));
            if (name.isPresent() && name.get().equals(theirName)) {
                ev.add(new Evidence("name", policy.namePoints(), name.get()));
            }
            same(facts, g, "department").ifPresent(d -> ev.add(new Evidence("department", policy.departmentPoints(), d)));
            same(facts, g, "manager").ifPresent(m -> ev.add(new Evidence("manager", policy.managerPoints(), m)));
            int total = ev.stream().mapToInt(Evidence::points).sum();
            out.add(new MatchCandidate(person, total, ev));
        }
        out.sort(Comparator.comparingInt(MatchCandidate::score).reversed().thenComparing(c -> c.person().pk()));
        return out;
    }

    private static String name(GoldenRecord g) {
        String given = g.value("name.givenName");
        String family = g.value("name.familyName");
        return given != null && family != null ? given + " " + family : g.value("displayName");
    }

    private static Optional<String> same(AccountFacts facts, GoldenRecord g, String attr) {
        String mine = NameFolding.fold(facts.attributes().get(attr));
        String theirs = NameFolding.fold(g.value(attr));
        return mine != null && Objects.equals(mine, theirs) ? Optional.of(mine) : Optional.empty();
    }

    private static MatchResult strong(MatchResult.Strength strength, PersonRef person, String rule, String detail) {
        Evidence e = new Evidence(rule, 0, detail);
        return new MatchResult(strength, person, 0, List.of(new MatchCandidate(person, 0, List.of(e))), List.of(e));
    }
}
