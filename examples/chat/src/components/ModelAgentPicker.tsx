import { defaultAgent, defaultModel, listModels, primaryAgents, useAgents, useConfig, useProviders } from "opencode-react";

/** What a prompt is sent with; undefined fields follow the server's defaults. */
export interface PromptChoice {
  model?: string;
  agent?: string;
}

/** Model + agent picker; shows the server's defaults until the user picks something else. */
export function ModelAgentPicker({ value, onChange }: { value: PromptChoice; onChange: (next: PromptChoice) => void }) {
  const { data: providers } = useProviders();
  const { data: config } = useConfig();
  const { data: agents = [] } = useAgents({ select: primaryAgents });
  const models = listModels(providers);
  const model = value.model ?? defaultModel(providers, config) ?? "";
  const agent = value.agent ?? defaultAgent(agents, config) ?? "";
  return (
    <div className="picker" data-testid="prompt-picker">
      <select aria-label="Model" value={model} onChange={(event) => onChange({ ...value, model: event.target.value })}>
        {models.map((option) => (
          <option key={option.value} value={option.value}>
            {option.providerName} · {option.name}
          </option>
        ))}
      </select>
      <select aria-label="Agent" value={agent} onChange={(event) => onChange({ ...value, agent: event.target.value })}>
        {agents.map((option) => (
          <option key={option.name} value={option.name}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
