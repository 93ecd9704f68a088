package org.zhucan.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MyBatis mapper splices {@code ${name}} into the SQL as text: the project uses it only for the properties an
 * {@code <include>} gives a fragment (an alias, a column prefix, a date expression), which MyBatis fills in while it reads
 * the mappers. A placeholder that no include fills would instead be taken from the call's parameters at run time, where a
 * value could carry SQL. So every statement, with the fragments it includes followed to the end, must leave none open.
 */
class MapperPlaceholdersTests {

    private static final Path MAPPERS = Path.of("src", "main", "resources", "org", "zhucan");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");

    private final Map<String, Element> fragments = new HashMap<>();
    private final List<Element> statements = new ArrayList<>();

    @Test
    void shouldLeaveNoPlaceholderOfAStatementToItsParameters() throws Exception {
        read();
        Map<String, Set<String>> open = new HashMap<>();
        for (Element statement : statements) {
            Set<String> left = opened(statement, namespaceOf(statement));
            if (!left.isEmpty()) {
                open.put(namespaceOf(statement) + "." + statement.getAttribute("id"), left);
            }
        }
        assertThat(open).as("statements whose ${...} no include fills").isEmpty();
        // the check sees the fragments that need properties: it would find one left open
        assertThat(opened(fragments.get("org.zhucan.diner.DinerMapper.quoteFactsColumns"), "org.zhucan.diner.DinerMapper"))
                .containsExactly("onDate", "p");
        assertThat(statements).hasSizeGreaterThan(100);
    }

    /** The placeholders an element leaves open: its own text's, and what each fragment it includes needs beyond the properties given. */
    private Set<String> opened(Node node, String namespace) {
        Set<String> open = new TreeSet<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                open.addAll(placeholders(child.getNodeValue()));
            } else if (child instanceof Element element && element.getTagName().equals("include")) {
                String refid = element.getAttribute("refid");
                Element fragment = fragments.get(refid.contains(".") ? refid : namespace + "." + refid);
                assertThat(fragment).as("fragment %s", refid).isNotNull();
                Set<String> needed = opened(fragment, namespaceOf(fragment));
                for (Node property = element.getFirstChild(); property != null; property = property.getNextSibling()) {
                    if (property instanceof Element given && given.getTagName().equals("property")) {
                        needed.remove(given.getAttribute("name"));
                        open.addAll(placeholders(given.getAttribute("value")));
                    }
                }
                open.addAll(needed);
            } else if (child instanceof Element element) {
                for (int i = 0; i < element.getAttributes().getLength(); i++) {
                    open.addAll(placeholders(element.getAttributes().item(i).getNodeValue()));
                }
                open.addAll(opened(element, namespace));
            }
        }
        return open;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String namespaceOf(Element element) {
        return element.getOwnerDocument().getDocumentElement().getAttribute("namespace");
    }

    private void read() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        for (Path file : mapperFiles()) {
            Element mapper = builder.parse(file.toFile()).getDocumentElement();
            if (!mapper.getTagName().equals("mapper")) {
                continue;
            }
            String namespace = mapper.getAttribute("namespace");
            for (Node child = mapper.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && element.getTagName().equals("sql")) {
                    fragments.put(namespace + "." + element.getAttribute("id"), element);
                } else if (child instanceof Element element && STATEMENTS.contains(element.getTagName())) {
                    statements.add(element);
                }
            }
        }
    }

    private static List<Path> mapperFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAPPERS)) {
            return files.filter(file -> file.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
