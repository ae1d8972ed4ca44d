// PLACEHOLDER — replaced by the page's real implementation in this change.
const OutboxPage = () => null;
export default OutboxPage;
