// React's development builds are loaded before anything else: a dependency of design-react-kit sets
// process.env.NODE_ENV to "production" when it loads, after which React would pick its production build
// (no jsxDEV, no act()).
import 'react/jsx-dev-runtime';
import 'react';
import 'react-dom';
import 'react-dom/client';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
