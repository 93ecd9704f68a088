package org.zhucan.architecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.zhucan.common.access.BypassesCallerScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads that bypass the caller's scope (issue 17, point 2) are reachable only by the features that
 * need them: every method marked {@link BypassesCallerScope} is called from its own feature and
 * the features it names, and each feature it names still calls it, so the lists stay exact.
 */
class UnscopedReadsTests {

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.zhucan");

    @Test
    void shouldLetOnlyTheNamedFeaturesCallAnUnscopedRead() {
        List<String> violations = new ArrayList<>();
        List<JavaMethod> marked = unscopedReads().toList();
        assertThat(marked).as("methods marked @BypassesCallerScope").hasSizeGreaterThan(10);
        for (JavaMethod method : marked) {
            String owner = feature(method.getOwner().getPackageName());
            Set<String> allowed = Set.of((String[]) method.getAnnotationOfType(BypassesCallerScope.class.getName())
                    .get("usedBy").orElse(new String[0]));
            Set<String> callers = new TreeSet<>();
            Stream.concat(method.getCallsOfSelf().stream(), method.getReferencesToSelf().stream()).map(JavaAccess::getOriginOwner)
                    .map(origin -> feature(origin.getPackageName())).filter(caller -> !caller.equals(owner)).forEach(callers::add);
            for (String caller : callers) {
                if (!allowed.contains(caller)) {
                    violations.add(method.getFullName() + " bypasses the caller's scope and is called from " + caller
                            + ", which its usedBy does not name");
                }
            }
            for (String named : allowed) {
                if (!callers.contains(named)) {
                    violations.add(method.getFullName() + " names " + named + " in usedBy, which no longer calls it");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static Stream<JavaMethod> unscopedReads() {
        return MAIN.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(BypassesCallerScope.class.getName()));
    }

    /** The feature of a package: its top-level package under org.zhucan. */
    private static String feature(String packageName) {
        List<String> parts = Arrays.asList(packageName.split("\\."));
        return parts.size() > 2 ? parts.get(2) : "";
    }
}
