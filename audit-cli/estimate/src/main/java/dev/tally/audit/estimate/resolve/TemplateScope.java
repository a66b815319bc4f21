package dev.tally.audit.estimate.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tally.audit.estimate.assembly.StackTemplate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resolve stage for one stack: evaluates the intrinsic functions whose value is already in the template —
 * {@code Ref} to a parameter's default or a pseudo parameter the stack's environment fixes, {@code Fn::GetAtt} to a
 * property set literally on the target, {@code Fn::If} on conditions over literal values, {@code Fn::FindInMap},
 * {@code Fn::Select}, {@code Fn::Join}, {@code Fn::Split}, {@code Fn::Sub} — and refuses the rest with an
 * {@link Unresolvable} that says why. It never guesses.
 */
public final class TemplateScope {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final StackTemplate stack;
    private final Map<String, Boolean> conditions = new HashMap<>();

    public TemplateScope(StackTemplate stack) {
        this.stack = stack;
    }

    public StackTemplate stack() {
        return stack;
    }

    /** A resource's declaration, or a missing node. */
    public JsonNode resource(String logicalId) {
        return stack.resources().path(logicalId);
    }

    /**
     * The value with every intrinsic function evaluated; {@code AWS::NoValue} (and a property set to it) becomes a
     * missing node.
     *
     * @throws Unresolvable when any part cannot be known before deployment
     */
    public JsonNode resolve(JsonNode value) {
        return resolve(value, 0);
    }

    /** Whether {@code value} is one intrinsic function call ({@code {"Ref": ...}}, {@code {"Fn::If": ...}}). */
    public static boolean isIntrinsic(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    private JsonNode resolve(JsonNode value, int depth) {
        if (depth > 64) {
            throw new Unresolvable("intrinsic functions nested deeper than 64 levels (a reference cycle?)");
        }
        if (value == null || value.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode item : value) {
                JsonNode resolved = resolve(item, depth + 1);
                if (!resolved.isMissingNode()) {
                    out.add(resolved);
                }
            }
            return out;
        }
        if (!value.isObject()) {
            return value;
        }
        if (isIntrinsic(value)) {
            String key = value.fieldNames().next();
            return intrinsic(key, value.get(key), depth + 1);
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode resolved = resolve(field.getValue(), depth + 1);
            if (!resolved.isMissingNode()) {
                out.set(field.getKey(), resolved);
            }
        }
        return out;
    }

    private JsonNode intrinsic(String function, JsonNode args, int depth) {
        return switch (function) {
            case "Ref" -> ref(args.asText());
            case "Fn::GetAtt" -> getAtt(args, depth);
            case "Fn::If" -> {
                requireList(function, args, 3);
                yield resolve(condition(args.get(0).asText()) ? args.get(1) : args.get(2), depth);
            }
            case "Fn::FindInMap" -> findInMap(args, depth);
            case "Fn::Select" -> {
                requireList(function, args, 2);
                int index = resolve(args.get(0), depth).asInt(-1);
                JsonNode list = resolve(args.get(1), depth);
                if (!list.isArray() || index < 0 || index >= list.size()) {
                    throw new Unresolvable("Fn::Select index " + index + " is outside its list");
                }
                yield list.get(index);
            }
            case "Fn::Join" -> {
                requireList(function, args, 2);
                StringBuilder joined = new StringBuilder();
                JsonNode parts = resolve(args.get(1), depth);
                for (int i = 0; i < parts.size(); i++) {
                    joined.append(i == 0 ? "" : args.get(0).asText()).append(parts.get(i).asText());
                }
                yield TextNode.valueOf(joined.toString());
            }
            case "Fn::Split" -> {
                requireList(function, args, 2);
                ArrayNode out = NODES.arrayNode();
                for (String part : resolve(args.get(1), depth).asText().split(Pattern.quote(args.get(0).asText()), -1)) {
                    out.add(part);
                }
                yield out;
            }
            case "Fn::Sub" -> sub(args, depth);
            case "Fn::ImportValue" -> throw new Unresolvable("Fn::ImportValue: exported by another stack at deployment");
            case "Fn::GetAZs" -> throw new Unresolvable("Fn::GetAZs: the region's zones are known only at deployment");
            case "Condition" -> NODES.booleanNode(condition(args.asText()));
            default -> throw new Unresolvable(function + " is not evaluated before deployment");
        };
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::NoValue":
                return MissingNode.getInstance();
            case "AWS::Partition":
                return TextNode.valueOf("aws");
            case "AWS::URLSuffix":
                return TextNode.valueOf("amazonaws.com");
            case "AWS::Region":
                return stack.region().<JsonNode>map(TextNode::valueOf).orElseThrow(() -> new Unresolvable(
                        "Ref AWS::Region: the stack is environment-agnostic"));
            case "AWS::StackName":
                return TextNode.valueOf(stack.stackName());
            default:
                break;
        }
        if (name.startsWith("AWS::")) {
            throw new Unresolvable("Ref " + name + ": known only at deployment");
        }
        JsonNode parameter = stack.template().path("Parameters").path(name);
        if (!parameter.isMissingNode()) {
            if (parameter.path("Type").asText().startsWith("AWS::SSM::Parameter")) {
                throw new Unresolvable("Ref " + name + ": an SSM parameter, read at deployment");
            }
            JsonNode fallback = parameter.get("Default");
            if (fallback == null) {
                throw new Unresolvable("Ref " + name + ": a parameter without a default");
            }
            return fallback;
        }
        if (!resource(name).isMissingNode()) {
            throw new Unresolvable("Ref " + name + ": the resource's physical id, known only after deployment");
        }
        throw new Unresolvable("Ref " + name + ": no such parameter or resource in the template");
    }

    private JsonNode getAtt(JsonNode args, int depth) {
        String target;
        String attribute;
        if (args.isTextual()) {
            String[] parts = args.asText().split("\\.", 2);
            target = parts[0];
            attribute = parts.length > 1 ? parts[1] : "";
        } else {
            requireList("Fn::GetAtt", args, 2);
            target = args.get(0).asText();
            attribute = resolve(args.get(1), depth).asText();
        }
        JsonNode property = resource(target).path("Properties").path(attribute);
        if (property.isMissingNode()) {
            throw new Unresolvable("Fn::GetAtt " + target + "." + attribute + ": set by AWS at deployment");
        }
        return resolve(property, depth);
    }

    private JsonNode findInMap(JsonNode args, int depth) {
        requireList("Fn::FindInMap", args, 3);
        String map = resolve(args.get(0), depth).asText();
        String top = resolve(args.get(1), depth).asText();
        String second = resolve(args.get(2), depth).asText();
        JsonNode value = stack.template().path("Mappings").path(map).path(top).path(second);
        if (value.isMissingNode()) {
            throw new Unresolvable("Fn::FindInMap " + map + "." + top + "." + second + ": not in the template's Mappings");
        }
        return value;
    }

    private JsonNode sub(JsonNode args, int depth) {
        String text = args.isArray() ? args.get(0).asText() : args.asText();
        JsonNode variables = args.isArray() && args.size() > 1 ? args.get(1) : NODES.objectNode();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            JsonNode value = variables.has(name) ? resolve(variables.get(name), depth)
                    : name.contains(".") ? getAtt(TextNode.valueOf(name), depth) : ref(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
        }
        matcher.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    /**
     * Whether a named condition holds.
     *
     * @throws Unresolvable when it depends on something known only at deployment
     */
    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = stack.template().path("Conditions").path(name);
        if (definition.isMissingNode()) {
            throw new Unresolvable("condition " + name + " is not defined in the template");
        }
        boolean value;
        try {
            value = evaluate(definition, 0);
        } catch (Unresolvable e) {
            throw new Unresolvable("condition " + name + " cannot be evaluated: " + e.getMessage());
        }
        conditions.put(name, value);
        return value;
    }

    private boolean evaluate(JsonNode expression, int depth) {
        if (depth > 64) {
            throw new Unresolvable("conditions nested deeper than 64 levels");
        }
        if (expression.isBoolean()) {
            return expression.asBoolean();
        }
        if (!expression.isObject() || expression.size() != 1) {
            return Boolean.parseBoolean(resolve(expression, depth).asText());
        }
        String function = expression.fieldNames().next();
        JsonNode args = expression.get(function);
        return switch (function) {
            case "Fn::Equals" -> {
                requireList(function, args, 2);
                yield scalar(resolve(args.get(0), depth)).equals(scalar(resolve(args.get(1), depth)));
            }
            case "Fn::Not" -> !evaluate(args.get(0), depth + 1);
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode a : args) {
                    all &= evaluate(a, depth + 1);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode a : args) {
                    any |= evaluate(a, depth + 1);
                }
                yield any;
            }
            case "Condition" -> condition(args.asText());
            default -> Boolean.parseBoolean(resolve(expression, depth).asText());
        };
    }

    private static String scalar(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static void requireList(String function, JsonNode args, int size) {
        if (!args.isArray() || args.size() < size) {
            throw new Unresolvable(function + " needs a list of " + size + " arguments");
        }
    }

    /** The logical ids of the resources {@code value} refers to (by {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub}). */
    public Set<String> referencedResources(JsonNode value) {
        Set<String> ids = new LinkedHashSet<>();
        collectReferences(value, ids);
        return ids;
    }

    private void collectReferences(JsonNode value, Set<String> ids) {
        if (value == null) {
            return;
        }
        if (value.isObject()) {
            JsonNode ref = value.get("Ref");
            if (ref != null && ref.isTextual() && !resource(ref.asText()).isMissingNode()) {
                ids.add(ref.asText());
            }
            JsonNode getAtt = value.get("Fn::GetAtt");
            if (getAtt != null) {
                String target = getAtt.isArray() ? getAtt.path(0).asText() : getAtt.asText().split("\\.")[0];
                if (!resource(target).isMissingNode()) {
                    ids.add(target);
                }
            }
            value.elements().forEachRemaining(child -> collectReferences(child, ids));
        } else if (value.isArray()) {
            value.elements().forEachRemaining(child -> collectReferences(child, ids));
        } else if (value.isTextual() && value.asText().contains("${")) {
            Matcher matcher = SUB_VARIABLE.matcher(value.asText());
            while (matcher.find()) {
                String target = matcher.group(1).split("\\.")[0];
                if (!resource(target).isMissingNode()) {
                    ids.add(target);
                }
            }
        }
    }

    /** The resource's {@code Condition}, evaluated: empty when it has none. */
    public Optional<Boolean> resourceCondition(String logicalId) {
        JsonNode condition = resource(logicalId).get("Condition");
        return condition == null ? Optional.empty() : Optional.of(condition(condition.asText()));
    }
}
