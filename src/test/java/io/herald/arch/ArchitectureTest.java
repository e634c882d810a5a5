package io.herald.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules in the README's architecture section. */
class ArchitectureTest {
    private static JavaClasses herald;

    @BeforeAll
    static void importClasses() {
        herald = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.herald");
    }

    @Test
    void modelUsesOnlyTheJdk() {
        classes().that().resideInAPackage("io.herald.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.herald.model..", "java..")
                .check(herald);
    }

    @Test
    void coreNeverImportsAnAdapterOrALibraryOfTheOutsideWorld() {
        noClasses().that().resideInAnyPackage("io.herald.model..", "io.herald.match..", "io.herald.summarize..",
                        "io.herald.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("io.herald.deliver.telegram..",
                        "io.herald.deliver.slack..", "io.herald.chat..", "io.herald.schedule..", "io.herald.app..",
                        "org.telegram..", "com.slack..", "com.rometools..", "org.quartz..", "org.sqlite..", "java.sql..",
                        "javax.sql..", "org.postgresql..", "com.zaxxer.hikari..", "org.flywaydb..",
                        "okhttp3..", "io.herald.http..", "io.herald.metrics.micrometer..", "org.eclipse.jetty..",
                        "io.micrometer..", "io.prometheus..")
                .check(herald);
    }

    @Test
    void nothingDependsOnTheApplicationLayer() {
        noClasses().that().resideOutsideOfPackage("io.herald.app..")
                .should().dependOnClassesThat().resideInAPackage("io.herald.app..")
                .check(herald);
    }

    @Test
    void eachOutsideLibraryStaysInsideItsAdapter() {
        confine("org.telegram..", "io.herald.deliver.telegram..", "io.herald.chat.telegram..");
        confine("com.slack..", "io.herald.deliver.slack..", "io.herald.chat.slack..");
        confine("org.java_websocket..", "io.herald.chat.slack..");
        confine("com.rometools..", "io.herald.feed..");
        confine("org.mozilla.universalchardet..", "io.herald.feed..");
        confine("org.quartz..", "io.herald.schedule..");
        confine("org.sqlite..", "io.herald.store..");
        confine("java.sql..", "io.herald.store..");
        confine("org.eclipse.jetty..", "io.herald.http..");
        confine("io.micrometer..", "io.herald.metrics.micrometer..");
        confine("io.prometheus..", "io.herald.metrics.micrometer..");
        confine("javax.sql..", "io.herald.store..");
        confine("org.postgresql..", "io.herald.store..");
        confine("com.zaxxer.hikari..", "io.herald.store..", "io.herald.metrics.micrometer..");
        confine("org.flywaydb..", "io.herald.store..");
    }

    @Test
    void theOperationalPortsUseOnlyTheJdkAndTheModel() {
        classes().that().resideInAnyPackage("io.herald.supervise..", "io.herald.http..", "io.herald.metrics")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.herald.supervise..", "io.herald.http..",
                        "io.herald.metrics", "io.herald.model..", "java..", "org.slf4j..", "org.eclipse.jetty..")
                .check(herald);
    }

    @Test
    void matchAndSummarizeStandAlone() {
        noClasses().that().resideInAnyPackage("io.herald.match..", "io.herald.summarize..")
                .should().dependOnClassesThat().resideInAnyPackage("io.herald.store..", "io.herald.deliver..",
                        "io.herald.feed..", "io.herald.config..", "io.herald.pipeline..")
                .check(herald);
    }

    private static void confine(String library, String... adapters) {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(adapters)
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " types must not leave their adapter");
        rule.check(herald);
    }
}
