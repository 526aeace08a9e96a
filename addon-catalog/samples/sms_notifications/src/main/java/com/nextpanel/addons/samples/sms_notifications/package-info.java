/**
 * The {@code sms_notifications} sample addon: queues text messages rendered from {@code notification_hub}
 * templates (which it requires, and reaches through {@code AddonContext.callDependency}) and hands them to a
 * {@link com.nextpanel.addons.samples.sms_notifications.LocalGateway} that records them in the addon's own table
 * instead of calling a provider.
 */
package com.nextpanel.addons.samples.sms_notifications;
