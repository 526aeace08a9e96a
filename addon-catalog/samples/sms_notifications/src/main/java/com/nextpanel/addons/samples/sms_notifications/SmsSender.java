package com.nextpanel.addons.samples.sms_notifications;

import java.util.Map;

/** Renders, queues and hands a message to the gateway; the message row records each outcome. */
final class SmsSender {

    private final HubTemplates templates;
    private final SmsStore store;
    private final LocalGateway gateway;

    SmsSender(HubTemplates templates, SmsStore store, LocalGateway gateway) {
        this.templates = templates;
        this.store = store;
        this.gateway = gateway;
    }

    /** @return the message as stored after the gateway's answer ({@code SENT} or {@code FAILED}) */
    SmsMessage send(String to, String template, Map<String, String> variables) throws Exception {
        String text = templates.render(template, variables);
        if (text.length() > 1600) {
            throw new IllegalArgumentException("the rendered text has " + text.length()
                    + " characters; an SMS holds at most 1600");
        }
        return store.queueAndDeliver(to, template, text, gateway);
    }

    long accepted() throws Exception {
        return gateway.accepted();
    }
}
