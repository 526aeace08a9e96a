/**
 * Java client for the agent API: {@link com.nextpanel.addons.client.AgentClient}.
 *
 * <p>Wire details beyond the contract table that this client reads or sends (the agent may send more;
 * unknown fields are ignored):
 * <ul>
 *   <li>plan: request {@code {"action":"install|update|uninstall|enable|disable","id","version"?}}; answer
 *       {@code {"action","id","version","addons":[{"id","version","action","dependency","fromVersion"}],
 *       "tables":[..],"routes":[..],"permissions":[..],"backup":bool,"rows":N,"warnings":[..]}}; 409 with
 *       {@code {"error","message","reasons":[..]}}</li>
 *   <li>job: {@code {"jobId","action","id","state","steps":[{"name","state","message","startedAt","finishedAt","durationMs"}],
 *       "rollback":["step",..],"version","message","createdAt","finishedAt"}}</li>
 *   <li>job events (SSE): {@code id:} a sequence number (sent back as {@code Last-Event-ID} on reconnect),
 *       {@code event:} {@code step}, {@code progress}, {@code log} or {@code end}, {@code data:} JSON such as
 *       {@code {"step","state","message","progress"}}; the {@code end} event's data is the final job</li>
 *   <li>backups: {@code [{"backupId","scope","id","createdAt","sizeBytes","versions":{..}}]}</li>
 *   <li>instants: ISO-8601 strings (epoch milliseconds are read too)</li>
 * </ul>
 */
package com.nextpanel.addons.client;
