package com.nextpanel.addons.samples.notification_hub;

import com.nextpanel.addons.samples.common.Input;
import com.nextpanel.addons.samples.common.RouteProblem;
import com.nextpanel.addons.spi.AddonRequest;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.List;

/** The HTTP face of the hub, under its declared prefix {@code /api/v1/notifications}. */
final class TemplateRoutes {

    static final String TEMPLATES = "/api/v1/notifications/templates";
    static final String RENDER = "/api/v1/notifications/render";
    private static final List<String> CHANNELS = List.of("EMAIL", "SMS", "ANY");

    /** A rendered template. */
    record Rendered(long templateId, String name, String channel, String subject, String body) {
    }

    private final TemplateStore store;

    TemplateRoutes(TemplateStore store) {
        this.store = store;
    }

    void register(RouteRegistry routes) {
        routes.get(TEMPLATES, this::list);
        routes.post(TEMPLATES, this::create);
        routes.get(TEMPLATES + "/{id}", request -> AddonResponse.ok(find(request)));
        routes.put(TEMPLATES + "/{id}", this::update);
        routes.delete(TEMPLATES + "/{id}", request -> {
            store.delete(Input.pathId(request, "id"));
            return AddonResponse.noContent();
        });
        routes.post(TEMPLATES + "/{id}/render", request -> AddonResponse.ok(
                render(find(request), Input.body(request, "variables").textMap("variables"))));
        routes.post(RENDER, this::renderByName);
    }

    /** GET templates[?channel=SMS]: the templates usable on that channel, by name. */
    private AddonResponse list(AddonRequest request) throws Exception {
        Optional<String> channel = Input.choice(request, "channel", CHANNELS);
        return AddonResponse.ok(store.list(channel));
    }

    /** POST templates {"name","channel","subject"?,"body"}: 201, or 409 when the name is taken. */
    private AddonResponse create(AddonRequest request) throws Exception {
        Fields f = Fields.read(request);
        return AddonResponse.created(store.create(f.name(), f.channel(), f.subject(), f.body()));
    }

    /** PUT templates/{id} with the same fields as create. */
    private AddonResponse update(AddonRequest request) throws Exception {
        long id = Input.pathId(request, "id");
        Fields f = Fields.read(request);
        return AddonResponse.ok(store.update(id, f.name(), f.channel(), f.subject(), f.body()));
    }

    /** POST render {"template": NAME, "variables": {...}}: what other addons call. */
    private AddonResponse renderByName(AddonRequest request) throws Exception {
        Input input = Input.body(request, "template", "variables");
        String name = input.text("template", 100);
        Template template = store.byName(name).orElseThrow(() -> TemplateStore.missing("'" + name + "'"));
        return AddonResponse.ok(render(template, input.textMap("variables")));
    }

    private Template find(AddonRequest request) throws Exception {
        long id = Input.pathId(request, "id");
        return store.byId(id).orElseThrow(() -> TemplateStore.missing(id));
    }

    /** @throws RouteProblem naming every variable the subject and body use that is not given */
    private static Rendered render(Template template, Map<String, String> variables) {
        Set<String> missing = TemplateText.missing(variables, template.subject(), template.body());
        if (!missing.isEmpty()) {
            throw RouteProblem.badRequest("missing template variables: " + String.join(", ", missing));
        }
        String subject = template.subject() == null ? null : TemplateText.render(template.subject(), variables);
        return new Rendered(template.id(), template.name(), template.channel(), subject,
                TemplateText.render(template.body(), variables));
    }

    /** The checked fields of a create or update. */
    private record Fields(String name, String channel, String subject, String body) {

        static Fields read(AddonRequest request) {
            Input input = Input.body(request, "name", "channel", "subject", "body");
            String name = input.text("name", 100);
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw RouteProblem.badRequest("field 'name' must be lower case letters, digits and _, e.g. invoice_due");
            }
            String channel = input.text("channel", 10);
            if (!CHANNELS.contains(channel)) {
                throw RouteProblem.badRequest("field 'channel' must be one of " + CHANNELS);
            }
            String subject = input.optionalText("subject", 200).orElse(null);
            String body = input.text("body", 4000);
            if (subject != null) {
                TemplateText.variables("subject", subject);
            }
            TemplateText.variables("body", body);
            return new Fields(name, channel, subject, body);
        }
    }
}
