// PLACEHOLDER — replaced by the page's real implementation in this change.
const TokensPage = () => null;
export default TokensPage;
