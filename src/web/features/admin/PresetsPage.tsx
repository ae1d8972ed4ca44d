// PLACEHOLDER — replaced by the page's real implementation in this change.
const PresetsPage = () => null;
export default PresetsPage;
