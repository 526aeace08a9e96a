package com.nextpanel.addons.samples.ai_chatbot;

import com.nextpanel.addons.samples.common.Input;
import com.nextpanel.addons.spi.AddonRequest;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.Optional;
import java.util.List;

/** The HTTP face of the chatbot, under its declared prefix {@code /api/v1/chat}. */
final class ChatRoutes {

    static final String SESSIONS = "/api/v1/chat/sessions";
    private static final List<String> STATUSES = List.of("OPEN", "WAITING_FOR_AGENT", "CLOSED");

    private final ChatStore store;
    private final CannedResponder responder;

    ChatRoutes(ChatStore store, CannedResponder responder) {
        this.store = store;
        this.responder = responder;
    }

    void register(RouteRegistry routes) {
        routes.get(SESSIONS, this::listSessions);
        routes.post(SESSIONS, this::createSession);
        routes.get(SESSIONS + "/{id}", this::getSession);
        routes.get(SESSIONS + "/{id}/messages", this::listMessages);
        routes.post(SESSIONS + "/{id}/messages", this::postMessage);
    }

    /** GET sessions[?status=OPEN][&limit=N]: newest (1.1.0: most recently active) first. */
    private AddonResponse listSessions(AddonRequest request) throws Exception {
        Optional<String> status = Input.choice(request, "status", STATUSES);
        return AddonResponse.ok(store.sessions(status, Input.limit(request, 100, 500)).stream()
                .map(ChatSession::toJson).toList());
    }

    /** POST sessions {"customerId"?, "title"}: 201 with the session. */
    private AddonResponse createSession(AddonRequest request) throws Exception {
        Input input = Input.body(request, "customerId", "title");
        Long customerId = input.optionalId("customerId").orElse(null);
        return AddonResponse.created(store.createSession(customerId, input.text("title", 200)).toJson());
    }

    private AddonResponse getSession(AddonRequest request) throws Exception {
        long id = Input.pathId(request, "id");
        return AddonResponse.ok(store.session(id).orElseThrow(() -> ChatStore.missing(id)).toJson());
    }

    private AddonResponse listMessages(AddonRequest request) throws Exception {
        long id = Input.pathId(request, "id");
        store.session(id).orElseThrow(() -> ChatStore.missing(id));
        return AddonResponse.ok(store.messages(id));
    }

    /** POST messages {"text"}: stores it and the bot's reply; 201 {"message","reply","sessionStatus"}. */
    private AddonResponse postMessage(AddonRequest request) throws Exception {
        long id = Input.pathId(request, "id");
        String text = Input.body(request, "text").text("text", 2000);
        ChatStore.Exchange exchange = store.exchange(id, text, responder.reply(text));
        return AddonResponse.created(exchange);
    }
}
