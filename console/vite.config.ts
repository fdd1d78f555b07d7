import { defineConfig } from "vite";

// Relative asset paths: the built console can be served from any directory.
export default defineConfig({ base: "./", build: { target: "es2022" } });
