/** The errors the demo services throw, with Node-style stacks mixing app and library frames. */

export const nullUserError = {
  type: "TypeError",
  message: "Cannot read properties of null (reading 'email')",
  stack_trace: [
    "TypeError: Cannot read properties of null (reading 'email')",
    "    at toPublicProfile (/app/src/users/serializers/public-profile.js:18:27)",
    "    at UserService.getById (/app/src/users/user-service.js:64:12)",
    "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    "    at async getUserHandler (/app/src/users/routes/get-user.js:22:18)",
    "    at async Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)",
    "    at async next (/app/node_modules/express/lib/router/route.js:149:13)",
    "    at async /app/node_modules/express-async-handler/index.js:3:16",
  ].join("\n"),
};

export const providerTimeoutError = {
  type: "PaymentProviderTimeout",
  message: "provider did not answer within 2000ms",
  stack_trace: [
    "PaymentProviderTimeout: provider did not answer within 2000ms",
    "    at Timeout._onTimeout (/app/src/payments/provider/provider-client.js:58:16)",
    "    at listOnTimeout (node:internal/timers:581:17)",
    "    at process.processTimers (node:internal/timers:519:7)",
    "    at async ProviderClient.charge (/app/src/payments/provider/provider-client.js:31:20)",
    "    at async chargeHandler (/app/src/payments/routes/charge.js:40:22)",
    "    at async /app/node_modules/fastify/lib/wrapThenable.js:26:22",
  ].join("\n"),
};

export function upstreamError(upstream: string, status: number, method: string, path: string) {
  return {
    type: "UpstreamError",
    message: `${upstream} answered ${status} for ${method} ${path}`,
    stack_trace: [
      `UpstreamError: ${upstream} answered ${status} for ${method} ${path}`,
      "    at PaymentsClient.charge (/app/src/orders/clients/payments-client.js:44:13)",
      "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
      "    at async CheckoutService.checkout (/app/src/orders/checkout-service.js:87:21)",
      "    at async checkoutHandler (/app/src/orders/routes/checkout.js:19:20)",
      "    at async /app/node_modules/fastify/lib/wrapThenable.js:26:22",
    ].join("\n"),
  };
}

export function cacheRaceError(userId: number, expected: number, found: number) {
  const message = `concurrent refresh of user:${userId} lost the race (expected version ${expected}, found ${found})`;
  return {
    type: "CacheVersionConflict",
    message,
    stack_trace: [
      `CacheVersionConflict: ${message}`,
      "    at UserCache.refresh (/app/src/users/cache/user-cache.js:77:15)",
      "    at async UserService.update (/app/src/users/user-service.js:102:5)",
      "    at async updateUserHandler (/app/src/users/routes/update-user.js:27:18)",
      "    at async Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)",
      "    at async /app/node_modules/ioredis/built/Pipeline.js:320:28",
    ].join("\n"),
  };
}

export const connectionTerminatedError = {
  type: "Error",
  message: "Connection terminated unexpectedly",
  stack_trace: [
    "Error: Connection terminated unexpectedly",
    "    at Connection.<anonymous> (/app/node_modules/pg/lib/client.js:132:73)",
    "    at Object.onceWrapper (node:events:633:28)",
    "    at Connection.emit (node:events:519:28)",
    "    at Socket.<anonymous> (/app/node_modules/pg/lib/connection.js:62:12)",
    "    at async OrderRepository.findById (/app/src/orders/order-repository.js:23:17)",
  ].join("\n"),
};

export const tokenExpiredError = { type: "TokenExpiredError", message: "jwt expired" };
