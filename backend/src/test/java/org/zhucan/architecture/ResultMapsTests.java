package org.zhucan.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every MyBatis result map builds a record through its constructor, every column it reads named as an argument, and says
 * {@code autoMapping="false"}. With auto-mapping left on, MyBatis sorts every result set's columns into those a map names
 * and the others, and looks for a property to set from each of the others, once a statement and map, to find nothing: a
 * record has no setters. The counter's booking read nests three maps in one row of about 60 columns and paid it for each
 * (JFR, 2026-12-06: the booking read's mapping about a fifth of a served booking's request thread).
 */
class ResultMapsTests {

    private static final Path MAPPERS = Path.of("src", "main", "resources", "org", "zhucan");

    @Test
    void shouldBuildRecordsByConstructorWithoutAutoMapping() throws Exception {
        List<String> mapped = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAPPERS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                var factory = DocumentBuilderFactory.newInstance();
                // the mappers name MyBatis's DTD by URL: nothing is fetched while the test reads them
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                NodeList maps = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("resultMap");
                for (int i = 0; i < maps.getLength(); i++) {
                    Element map = (Element) maps.item(i);
                    String name = file.getFileName() + "#" + map.getAttribute("id");
                    mapped.add(name);
                    if (!map.getAttribute("autoMapping").equals("false")) {
                        wrong.add(name + ": autoMapping is not false");
                    }
                    if (!Class.forName(map.getAttribute("type")).isRecord()) {
                        wrong.add(name + ": " + map.getAttribute("type") + " is not a record");
                    }
                    for (Node child = map.getFirstChild(); child != null; child = child.getNextSibling()) {
                        if (child instanceof Element element && !element.getTagName().equals("constructor")) {
                            wrong.add(name + ": maps a <" + element.getTagName() + "> besides its constructor");
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // the walk found the mappers: the counter's booking read and the maps nested in it among them
        assertThat(mapped).hasSizeGreaterThan(100).contains("BookingMapper.xml#counterBooking", "BookingMapper.xml#booking",
                "PaymentMapper.xml#payment", "DinerMapper.xml#quoteFacts");
    }
}
