/** Entity builders of the fake server; they live in src/testing/fake-entities.ts (`opencode-react/testing`). */
export { fakeAssistantMessage, fakePermission, fakeQuestion, fakeSession, fakeTodo, fakeUserMessage } from "../../src/testing/fake-entities";
