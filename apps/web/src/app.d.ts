declare global {
  namespace App {
    interface Locals {
      lang: "ja" | "en"
    }
    interface Error {
      message: string
      code?: string
    }
  }
}

export {}
