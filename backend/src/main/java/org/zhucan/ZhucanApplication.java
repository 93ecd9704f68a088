package org.zhucan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Zhucan (助餐): the GraphQL backend of an elderly meal-assistance network. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhucanApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhucanApplication.class, args);
    }
}
