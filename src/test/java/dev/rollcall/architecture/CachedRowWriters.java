package dev.rollcall.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The store's per-transaction read cache ({@code TxReads}) is right only while every write to the rows it
 * keeps goes through the classes that keep it up to date. A method that names one of those tables and
 * calls a jOOQ write (insert, update, delete, merge) must belong to one of them.
 */
final class CachedRowWriters {
    /** The generated tables whose rows TxReads holds: persons, accounts, their facts, worker-id links. */
    static final Set<String> CACHED_TABLES = Set.of("Person", "Account", "AccountFacts", "WorkerLink");
    static final Set<String> WRITES = Set.of("insertInto", "update", "deleteFrom", "delete", "mergeInto", "insertQuery",
            "updateQuery", "deleteQuery", "batchInsert", "batchUpdate", "batchStore", "batchDelete", "executeInsert",
            "executeUpdate", "executeDelete", "newRecord");

    private CachedRowWriters() {
    }

    /**
     * @param generatedPackage where jOOQ's generated {@code Tables} and table classes live
     * @param keepers the simple names of the classes allowed to write those rows (they tell TxReads)
     */
    static ArchRule onlyTheKeepersWriteCachedRows(String generatedPackage, Set<String> keepers) {
        return codeUnits().that().areDeclaredInClassesThat().resideOutsideOfPackage(generatedPackage + "..")
                .should(new ArchCondition<JavaCodeUnit>("write person, account, account_facts or worker_link rows only in "
                        + keepers) {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        String owner = unit.getOwner().getSimpleName().replaceAll("\\$.*", "");
                        if (keepers.contains(owner)) {
                            return;
                        }
                        boolean namesCachedTable = unit.getFieldAccesses().stream()
                                .anyMatch(a -> namesCachedTable(a, generatedPackage));
                        boolean writes = unit.getMethodCallsFromSelf().stream()
                                .anyMatch(c -> c.getTargetOwner().isEquivalentTo(org.jooq.DSLContext.class)
                                        && WRITES.contains(c.getName()));
                        if (namesCachedTable && writes) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName()
                                    + " writes a table TxReads caches; route the write through " + keepers
                                    + " (or teach TxReads about it and add the class there)"));
                        }
                    }
                })
                .because("TxReads answers from what this transaction already read; a write it does not see makes it lie");
    }

    /** The raw row writers' write methods are called only by the class that tells TxReads about them. */
    static ArchRule rawWritesOnlyThrough(String rawWriter, Set<String> writeMethods, String keeper) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().doNotHaveFullyQualifiedName(keeper).and().doNotHaveFullyQualifiedName(rawWriter)
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        rawWriter + "." + writeMethods, c -> c.getTargetOwner().getName().equals(rawWriter)
                                && writeMethods.contains(c.getName())))
                .because(keeper + " keeps TxReads up to date around these writes");
    }

    private static boolean namesCachedTable(JavaFieldAccess access, String generatedPackage) {
        String owner = access.getTargetOwner().getName();
        if (owner.equals(generatedPackage + ".Tables")) {
            return CACHED_TABLES.stream().anyMatch(t -> access.getName().equals(upperSnake(t)));
        }
        return CACHED_TABLES.stream().anyMatch(t -> owner.equals(generatedPackage + ".tables." + t));
    }

    /** AccountFacts → ACCOUNT_FACTS, as jOOQ names the table constants. */
    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
