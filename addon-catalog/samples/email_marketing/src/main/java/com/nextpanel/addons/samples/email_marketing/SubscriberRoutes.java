package com.nextpanel.addons.samples.email_marketing;

import com.nextpanel.addons.samples.common.Input;
import com.nextpanel.addons.samples.common.RouteProblem;
import com.nextpanel.addons.spi.AddonRequest;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code /api/v1/email/subscribers}. */
final class SubscriberRoutes {

    static final String SUBSCRIBERS = "/api/v1/email/subscribers";
    private static final List<String> STATUSES = List.of("SUBSCRIBED", "UNSUBSCRIBED");
    // Deliberately loose: one @, no spaces, a dot in the domain. Real validation is a confirmation mail.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Subscribers subscribers;

    SubscriberRoutes(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    void register(RouteRegistry routes) {
        routes.get(SUBSCRIBERS, this::list);
        routes.post(SUBSCRIBERS, this::subscribe);
        routes.get(SUBSCRIBERS + "/{id}", request -> {
            long id = Input.pathId(request, "id");
            return AddonResponse.ok(subscribers.byId(id).orElseThrow(() -> Subscribers.missing(id)));
        });
        routes.delete(SUBSCRIBERS + "/{id}", request -> AddonResponse.ok(
                subscribers.unsubscribe(Input.pathId(request, "id"))));
        routes.post(SUBSCRIBERS + "/import", request -> AddonResponse.ok(subscribers.importCustomers()));
    }

    private AddonResponse list(AddonRequest request) throws Exception {
        Optional<String> status = Input.choice(request, "status", STATUSES);
        return AddonResponse.ok(subscribers.list(status));
    }

    /** POST {"email","name"?}: 201, or 409 when the address is known (subscribed or not). */
    private AddonResponse subscribe(AddonRequest request) throws Exception {
        Input input = Input.body(request, "email", "name");
        String email = input.text("email", 320).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw RouteProblem.badRequest("field 'email' is not an e-mail address: '" + email + "'");
        }
        return AddonResponse.created(subscribers.subscribe(email, input.optionalText("name", 200).orElse(null)));
    }
}
