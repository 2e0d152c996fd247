export default definePageConfig({
  navigationBarTitleText: '案件办理',
  enablePullDownRefresh: true,
});
