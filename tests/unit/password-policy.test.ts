import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "@/server/password-policy";

// What a new password must be (decision 0021): 12 characters or more, and not guessable by
// zxcvbn's estimate with the common-password, English and Indonesian dictionaries.

describe("passwordProblem", () => {
  it("refuses short passwords", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem("Xk3#pQ9!mZ7")).toBe("password_short");
    expect(passwordProblem("x".repeat(201))).toBe("too_long");
  });

  it.each(["password1234", "qwertyuiop123", "Bismillah123456", "demo-password", "123456789012", "aaaaaaaaaaaa", "indonesia1945", "jakarta12345678"])(
    "refuses the guessable %j",
    (p) => expect(passwordProblem(p)).toBe("password_weak"),
  );

  it("refuses a password built on the user's own name or this app's words", () => {
    expect(passwordProblem("budisantoso2021", ["Budi Santoso", "budi.santoso@rs.test"])).toBe("password_weak");
    expect(passwordProblem("satgasoksigen2021")).toBe("password_weak");
    expect(passwordProblem("budisantoso2021")).toBeNull(); // someone else's name is just letters
  });

  it.each(["kerbau nila tumbuh pagi", "long-enough-password", "Xk3#pQ9!mZ7@", "tiga-kucing-minum-kopi-77"])("accepts %j", (p) => {
    expect(passwordProblem(p)).toBeNull();
  });
});
