package org.zhucan;

import org.springframework.boot.SpringApplication;

/**
 * Runs Zhucan on a developer's machine with demo data: {@code ./mvnw -pl backend -am spring-boot:test-run}.
 * MySQL and Redis come from configuration, else Testcontainers, else embedded MariaDB and Redis
 * ({@code org.zhucan.testsupport.LocalInfrastructure}).
 */
public final class LocalZhucanApplication {

    private LocalZhucanApplication() {
    }

    public static void main(String[] args) {
        if (System.getenv("ZHUCAN_DEMO_DATA") == null) {
            System.setProperty("zhucan.demo.enabled", "true");
        }
        SpringApplication.from(ZhucanApplication::main).run(args);
    }
}
