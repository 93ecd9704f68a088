package org.zhucan.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.zhucan.ZhucanApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features' boundaries (issue 17): each top-level package under org.zhucan is a module that
 * depends only on what its package-info allows, reaches no other module's internals, and is in no
 * cycle. The module map in docs/modules is Spring Modulith's documentation of this code: the test
 * writes it afresh and fails when the committed copy differs (run it with
 * {@code -Dzhucan.modules.write=true} to update docs/modules).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ZhucanApplication.class);

    /** docs/modules of the repository (tests run in backend/). */
    private static final Path COMMITTED = Path.of("..", "docs", "modules");

    @Test
    void shouldKeepEveryModuleWithinItsBoundaries() {
        MODULES.verify();
    }

    @Test
    void shouldMatchTheCommittedModuleMap() throws IOException {
        Path fresh = Path.of("target", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        if (Boolean.getBoolean("zhucan.modules.write")) {
            Files.createDirectories(COMMITTED);
            try (Stream<Path> paths = Files.list(fresh)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    Files.copy(path, COMMITTED.resolve(path.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertThat(read(COMMITTED)).as("docs/modules (update with -Dzhucan.modules.write=true)").isEqualTo(read(fresh));
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                // Spring Modulith writes relations, beans and events in no fixed order: the same lines are the same map. A
                // table cell's first item carries the cell's "|", whichever item comes first: the item alone is compared
                files.put(path.getFileName().toString(), Files.readString(path).lines().map(String::strip)
                        .map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                        .filter(line -> !line.isEmpty()).sorted().collect(Collectors.joining("\n")));
            }
        }
        return files;
    }
}
