import { describe, expect, it } from "vitest";
import { cacheRaceError, connectionTerminatedError, nullUserError, providerTimeoutError, upstreamError } from "@/lib/demo/error-catalog";
import { parseStackTrace } from "./parse-stack-trace";

describe("parseStackTrace: Node traces from the demo", () => {
  it("splits the header from the frames and tells app frames from library frames", () => {
    const trace = parseStackTrace(nullUserError.stack_trace);
    expect(trace.format).toBe("node");
    expect(trace.header).toEqual(["TypeError: Cannot read properties of null (reading 'email')"]);
    expect(trace.trailer).toEqual([]);
    expect(trace.frames.map((f) => [f.function, f.file, f.line, f.column, f.isAppFrame])).toEqual([
      ["toPublicProfile", "/app/src/users/serializers/public-profile.js", 18, 27, true],
      ["UserService.getById", "/app/src/users/user-service.js", 64, 12, true],
      ["process.processTicksAndRejections", "node:internal/process/task_queues", 95, 5, false],
      ["getUserHandler", "/app/src/users/routes/get-user.js", 22, 18, true],
      ["Layer.handle [as handle_request]", "/app/node_modules/express/lib/router/layer.js", 95, 5, false],
      ["next", "/app/node_modules/express/lib/router/route.js", 149, 13, false],
      [null, "/app/node_modules/express-async-handler/index.js", 3, 16, false],
    ]);
    expect(trace.frames.every((f) => f.section === 0)).toBe(true);
    expect(trace.frames[0]!.raw).toBe("    at toPublicProfile (/app/src/users/serializers/public-profile.js:18:27)");
  });

  it("parses every demo trace completely: each line after the header is a frame", () => {
    for (const stack of [nullUserError, providerTimeoutError, upstreamError("payments", 504, "POST", "/payments/charge"), cacheRaceError(7, 3, 4), connectionTerminatedError].map((e) => e.stack_trace)) {
      const trace = parseStackTrace(stack);
      expect(trace.header).toHaveLength(1);
      expect(trace.frames).toHaveLength(stack.split("\n").length - 1);
      expect(trace.frames.some((f) => f.isAppFrame)).toBe(true);
      expect(trace.frames.some((f) => !f.isAppFrame)).toBe(true);
    }
    const pg = parseStackTrace(connectionTerminatedError.stack_trace).frames;
    expect(pg.map((f) => f.isAppFrame)).toEqual([false, false, false, false, true]);
    expect(pg[1]).toMatchObject({ function: "Object.onceWrapper", file: "node:events", line: 633 });
  });

  it("handles anonymous, constructor, native and file:// frames, and a multi-line message", () => {
    const trace = parseStackTrace(
      [
        "Error: first line",
        "second line of the message",
        "    at new Repository (file:///srv/app/dist/repo.mjs:12:9)",
        "    at Array.map (<anonymous>)",
        "    at new Promise (<anonymous>)",
        "    at C:\\app\\src\\win.js:4:2",
        "    at internal/main/run_main_module.js:17:47",
      ].join("\r\n"),
    );
    expect(trace.header).toEqual(["Error: first line", "second line of the message"]);
    expect(trace.frames.map((f) => [f.function, f.file, f.line, f.isAppFrame])).toEqual([
      ["new Repository", "file:///srv/app/dist/repo.mjs", 12, true],
      ["Array.map", "<anonymous>", null, false],
      ["new Promise", "<anonymous>", null, false],
      [null, "C:\\app\\src\\win.js", 4, true],
      [null, "internal/main/run_main_module.js", 17, false],
    ]);
  });
});

describe("parseStackTrace: Java", () => {
  const java = [
    "org.springframework.web.util.NestedServletException: Request processing failed; nested exception is java.lang.IllegalStateException: no payment",
    "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)",
    "\tat javax.servlet.http.HttpServlet.service(HttpServlet.java:681)",
    "\tat com.acme.shop.PaymentController.charge(PaymentController.java:42) ~[classes/:na]",
    "\tat com.acme.shop.PaymentController$$Lambda$812/0x0000000800a1b440.apply(Unknown Source)",
    "\tat java.base/java.lang.Thread.run(Thread.java:833)",
    "\tat app//com.acme.shop.Main.main(Main.java:9)",
    "Caused by: java.lang.IllegalStateException: no payment",
    "\tat com.acme.shop.PaymentService.load(PaymentService.kt:77)",
    "\tat jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
    "\t... 12 more",
  ].join("\n");

  it("reads frames, packages and the Caused by chain", () => {
    const trace = parseStackTrace(java);
    expect(trace.format).toBe("java");
    expect(trace.header).toHaveLength(1);
    expect(trace.trailer).toEqual(["Caused by: java.lang.IllegalStateException: no payment", "\t... 12 more"]);
    expect(trace.frames.map((f) => [f.function, f.file, f.line, f.isAppFrame, f.section])).toEqual([
      ["org.springframework.web.servlet.FrameworkServlet.processRequest", "FrameworkServlet.java", 1014, false, 0],
      ["javax.servlet.http.HttpServlet.service", "HttpServlet.java", 681, false, 0],
      ["com.acme.shop.PaymentController.charge", "PaymentController.java", 42, true, 0],
      ["com.acme.shop.PaymentController$$Lambda$812/0x0000000800a1b440.apply", null, null, true, 0],
      ["java.lang.Thread.run", "Thread.java", 833, false, 0],
      ["com.acme.shop.Main.main", "Main.java", 9, true, 0],
      ["com.acme.shop.PaymentService.load", "PaymentService.kt", 77, true, 1],
      ["jdk.internal.reflect.NativeMethodAccessorImpl.invoke0", null, null, false, 1],
    ]);
  });
});

describe("parseStackTrace: Python", () => {
  it("reads frames with their source lines, keeps the final exception line, and follows chained tracebacks", () => {
    const trace = parseStackTrace(
      [
        "Traceback (most recent call last):",
        '  File "/app/orders/views.py", line 31, in checkout',
        "    order = service.place(cart)",
        '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/orm/session.py", line 2251, in execute',
        "    return self._execute_internal(",
        "KeyError: 'cart'",
        "",
        "During handling of the above exception, another exception occurred:",
        "",
        "Traceback (most recent call last):",
        '  File "/app/orders/errors.py", line 8, in handle',
        "    raise CheckoutFailed() from exc",
        "orders.errors.CheckoutFailed",
      ].join("\n"),
    );
    expect(trace.format).toBe("python");
    expect(trace.header).toEqual(["Traceback (most recent call last):"]);
    expect(trace.frames.map((f) => [f.function, f.file, f.line, f.isAppFrame, f.section, f.source])).toEqual([
      ["checkout", "/app/orders/views.py", 31, true, 0, "order = service.place(cart)"],
      ["execute", "/usr/local/lib/python3.12/site-packages/sqlalchemy/orm/session.py", 2251, false, 0, "return self._execute_internal("],
      ["handle", "/app/orders/errors.py", 8, true, 1, "raise CheckoutFailed() from exc"],
    ]);
    expect(trace.trailer).toContain("KeyError: 'cart'");
    expect(trace.trailer[trace.trailer.length - 1]).toBe("orders.errors.CheckoutFailed");
  });

  it("treats the standard library and frozen modules as library frames", () => {
    const trace = parseStackTrace(['  File "/usr/lib/python3.11/json/decoder.py", line 355, in raw_decode', '  File "<frozen importlib._bootstrap>", line 1176, in _find_and_load'].join("\n"));
    expect(trace.frames.map((f) => f.isAppFrame)).toEqual([false, false]);
  });
});

describe("parseStackTrace: anything else", () => {
  it("keeps unknown text as header lines and never throws", () => {
    expect(parseStackTrace("")).toEqual({ format: "unknown", header: [], frames: [], trailer: [], truncated: false });
    expect(parseStackTrace("panic: runtime error\n\ngoroutine 1 [running]:\n")).toMatchObject({ format: "unknown", header: ["panic: runtime error", "", "goroutine 1 [running]:"], frames: [] });
  });

  it("cuts a runaway trace and says so", () => {
    const huge = ["Error: loop", ...Array.from({ length: 5000 }, (_, i) => `    at f${i} (/app/x.js:${i + 1}:1)`)].join("\n");
    const trace = parseStackTrace(huge);
    expect(trace.truncated).toBe(true);
    expect(trace.frames).toHaveLength(1999);
  });
});
