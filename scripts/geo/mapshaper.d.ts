// mapshaper ships no types; this is the one call the build scripts use (its documented Node API).
declare module 'mapshaper' {
  const mapshaper: {
    applyCommands(commands: string, input?: Record<string, string>): Promise<Record<string, Buffer | string>>;
  };
  export default mapshaper;
}
