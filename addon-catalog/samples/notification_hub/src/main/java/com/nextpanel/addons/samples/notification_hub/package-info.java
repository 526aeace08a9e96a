/**
 * The {@code notification_hub} sample addon: message templates with {@code {{placeholder}}} variables, kept in
 * its own schema, managed and rendered over {@code /api/v1/notifications}. Other addons (sms_notifications)
 * render them through {@code AddonContext.callDependency}.
 */
package com.nextpanel.addons.samples.notification_hub;
