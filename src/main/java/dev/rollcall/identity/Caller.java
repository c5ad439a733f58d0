package dev.rollcall.identity;

/** Who is calling, as established from a bearer token. */
public sealed interface Caller {
    /** Name written to the audit trail. */
    String auditName();

    record SourceCaller(Source source) implements Caller {
        @Override
        public String auditName() {
            return "source:" + source.name();
        }
    }

    record AdminCaller(String name, AdminScope scope) implements Caller {
        @Override
        public String auditName() {
            return "admin:" + name;
        }
    }

    /** The operator at the command line. */
    record OperatorCaller(String name) implements Caller {
        @Override
        public String auditName() {
            return "cli:" + name;
        }
    }
}
