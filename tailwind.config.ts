import type { Config } from 'tailwindcss'

// Tailwind 4 reads this through `@config` in src/index.css (content detection is automatic).
export default {
  theme: {
    extend: {
      colors: {
        // A calm teal: trustworthy, not clinical.
        brand: {
          50: '#effaf8',
          100: '#d7f2ed',
          200: '#b1e4db',
          300: '#7fcfc3',
          400: '#4db3a6',
          500: '#32978b',
          600: '#267a71',
          700: '#22625c',
          800: '#1f4f4b',
          900: '#1d423f',
          950: '#0b2725',
        },
      },
      fontFamily: {
        sans: ['Inter', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
      },
    },
  },
} satisfies Config
