import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./auth-config";
import { checkCredentials, clientAddress } from "./login";

const credentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

export const { auth, handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await checkCredentials(parsed.data.email, parsed.data.password, clientAddress(request?.headers));
        return user ? { id: user.id, email: user.email, name: user.name, role: user.role, hospitalId: user.hospitalId } : null;
      },
    }),
  ],
});
