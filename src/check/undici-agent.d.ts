// undici's agent module on its own (module.exports = Agent); its types are the package's.
declare module 'undici/lib/dispatcher/agent.js' {
  import { Agent } from 'undici';
  export default Agent;
}
