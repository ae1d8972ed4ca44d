// PLACEHOLDER — replaced by the page's real implementation in this change.
const DashboardPage = () => null;
export default DashboardPage;
