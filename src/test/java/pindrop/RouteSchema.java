package pindrop;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A route file checked against the YAML DSL's own JSON schema (schema/camelYamlDsl.json inside camel-yaml-dsl,
 * the one Camel's validator uses), each problem with the file and line it is on, so a misspelt key is found
 * before any route starts. The file is read with the YAML DSL's own parser (snakeyaml-engine), which knows
 * each node's line.
 */
final class RouteSchema {

    private static final JsonSchema SCHEMA = load();

    private RouteSchema() {
    }

    /** Each problem as {@code FILE:LINE: message}; none for a file the YAML DSL accepts. */
    static List<String> problems(Path file) throws IOException {
        Node yaml;
        try (Reader reader = Files.newBufferedReader(file)) {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
            Optional<Node> document = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, reader)))
                    .getSingleNode();
            if (document.isEmpty()) {
                return List.of();
            }
            yaml = document.get();
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(json(yaml))) {
            if (!isPlaceholderForATypedValue(message)) {
                problems.add(file + ":" + line(yaml, message) + ": " + message.getMessage());
            }
        }
        return problems;
    }

    /** The schema types some options as numbers or booleans; a {@code {{placeholder}}} there is resolved at start. */
    private static boolean isPlaceholderForATypedValue(ValidationMessage message) {
        JsonNode value = message.getInstanceNode();
        return "type".equals(message.getType()) && value != null && value.isTextual()
                && value.asText().matches("\\{\\{[^}]+}}");
    }

    /**
     * Every scalar as text: the YAML DSL reads scalars as strings, and its schema types most options as
     * strings (a placeholder may stand for a number); the loose typing lets "4" pass where it wants a number.
     */
    private static JsonNode json(Node node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = nodes.objectNode();
            for (NodeTuple entry : mapping.getValue()) {
                object.set(((ScalarNode) entry.getKeyNode()).getValue(), json(entry.getValueNode()));
            }
            if (object.has("failoverLoadBalancer")) {
                // the YAML DSL reads failoverLoadBalancer's inheritErrorHandler (webex-setuser.camel.yaml sets it),
                // but 4.17's schema leaves it out
                ((ObjectNode) object.get("failoverLoadBalancer")).remove("inheritErrorHandler");
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = nodes.arrayNode();
            sequence.getValue().forEach(item -> array.add(json(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? nodes.nullNode() : nodes.textNode(scalar.getValue());
    }

    /** The line (1-based) of the node a message is about: the unknown key itself, where it names one. */
    private static int line(Node root, ValidationMessage message) {
        Node node = root;
        JsonNodePath path = message.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            Node child = child(node, path.getElement(i));
            if (child == null) {
                break;
            }
            node = child;
        }
        if (message.getProperty() != null && node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (((ScalarNode) entry.getKeyNode()).getValue().equals(message.getProperty())) {
                    node = entry.getKeyNode();
                }
            }
        }
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    private static Node child(Node node, Object element) {
        if (node instanceof SequenceNode sequence && element instanceof Integer index
                && index < sequence.getValue().size()) {
            return sequence.getValue().get(index);
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (((ScalarNode) entry.getKeyNode()).getValue().equals(element)) {
                    return entry.getValueNode();
                }
            }
        }
        return null;
    }

    private static JsonSchema load() {
        try (InputStream schema = RouteSchema.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().typeLoose(true).locale(Locale.ENGLISH)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema, config);
        } catch (IOException e) {
            throw new IllegalStateException("camel-yaml-dsl's schema/camelYamlDsl.json cannot be read", e);
        }
    }
}
