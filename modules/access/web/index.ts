export { SignIn } from './SignIn.js';
