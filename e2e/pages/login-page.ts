import type { Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  /** The login page with `search` exactly as given, e.g. "?next=/%09/evil.example". */
  async open(search = "") {
    await this.page.goto(`/login${search}`);
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  /** Signs in and waits until the app has navigated away from the login page. */
  async signInAndWait(email: string, password: string) {
    await this.signIn(email, password);
    await this.page.waitForURL((url) => !url.pathname.startsWith("/login"));
  }

  error() {
    return this.page.getByRole("form", { name: "Sign in" }).getByRole("alert");
  }
}
